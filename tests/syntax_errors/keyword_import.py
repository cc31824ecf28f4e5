import def
