s = ("ok"
     "\xg0")
