def f():
    print(g)
    global g
