s = ur"x"
