# A small deterministic simulation: a linear congruential generator drives a bank-account ledger
# and Conway's game of life runs on a torus, exercising dicts, lists, ints and control flow.
state = 42
def rand(n):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    return (state >> 33) % n
accounts = {}
names = ['ann', 'bob', 'cat', 'dan']
for name in names:
    accounts[name] = 100
for step in range(200):
    src = names[rand(4)]
    dst = names[rand(4)]
    amount = rand(50) + 1
    if src != dst and accounts[src] >= amount:
        accounts[src] -= amount
        accounts[dst] += amount
print(accounts, sum(accounts.values()), state)
W = 8
H = 6
cells = []
for y in range(H):
    row = []
    for x in range(W):
        row.append(0)
    cells.append(row)
cells[1][2] = 1
cells[2][3] = 1
cells[3][1] = 1
cells[3][2] = 1
cells[3][3] = 1
def step_life(grid):
    new = []
    for y in range(H):
        row = []
        for x in range(W):
            n = 0
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    if dy != 0 or dx != 0:
                        n += grid[(y + dy) % H][(x + dx) % W]
            alive = grid[y][x]
            row.append(1 if n == 3 or (alive and n == 2) else 0)
        new.append(row)
    return new
for gen in range(12):
    cells = step_life(cells)
for row in cells:
    line = ''
    for c in row:
        line += '#' if c else '.'
    print(line)
