# raise SystemExit(n) is the same as sys.exit(n).
def stop():
    print('stopping')
    raise SystemExit(4)
stop()
print('not reached')
