# and/or return one of their operands and evaluate the right side only when needed.
log = []
def t(name, value):
    log.append(name)
    return value
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, '' or 'default', [] and 'x', None or 0)
print(t('a', 0) and t('b', 1), log)
log = []
print(t('a', 1) and t('b', 0) and t('c', 1), log)
log = []
print(t('a', 0) or t('b', '') or t('c', 'yes') or t('d', 'no'), log)
log = []
print(t('a', 1) or t('b', 1), log)
log = []
print(not t('a', []) and t('b', 'x'), log)
log = []
x = t('a', 0) or t('b', 0) and t('c', 1)
print(x, log)
log = []
if t('a', 1) and (t('b', 0) or t('c', 2)):
    print('taken', log)
else:
    print('not taken', log)
log = []
while t('w', len(log) < 5) and t('v', True):
    pass
print(log)
