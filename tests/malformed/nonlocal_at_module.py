print("a")
nonlocal x
