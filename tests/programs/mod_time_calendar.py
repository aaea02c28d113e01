import time
t = time.gmtime(0)
print(t, t.tm_year, t[0], time.strftime("%Y-%m-%d %H:%M:%S %a %b %j", t))
print(time.asctime(time.gmtime(86400 * 365)), time.mktime(time.localtime(1000000)) == 1000000.0)
lt = time.localtime()
print(type(lt).__name__, len(lt), time.strftime("%Y", lt) == str(lt.tm_year), isinstance(time.timezone, int), len(time.tzname))
print(time.strftime("%%|%d", (2020, 2, 29, 0, 0, 0, 5, 60, 0)))
print(repr(time.struct_time((2020, 1, 2, 3, 4, 5, 3, 2, 0))))
