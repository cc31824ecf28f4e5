# leading


x = 1  # trailing


    # an indented comment on its own
def f():
    # first line of body
    return 1
# between
        # oddly indented
def g():

    x = 1

    # comment

    return x
	# tab-indented comment
if x:
    pass
    # trailing comment in block
# end
