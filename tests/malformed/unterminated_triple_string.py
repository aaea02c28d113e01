x = 1
y = """never
closed
print(y)
