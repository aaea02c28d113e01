# Uncaught IndexError from reading past the end of a list, in a loop inside a function.
def last_plus_one(items):
    return items[len(items)]
def walk(rows):
    for row in rows:
        print('row', row, last_plus_one(row) if len(row) > 3 else 'short')
walk([[1, 2], [1, 2, 3, 4]])
