def f(x):
	if x:
		return "tabs"
	return "no"
print(f(1))
