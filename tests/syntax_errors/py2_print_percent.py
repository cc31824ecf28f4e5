print "%d" % x
