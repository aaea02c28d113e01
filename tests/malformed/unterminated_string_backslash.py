x = 1
s = 'ok'
t = 'line continues \
