import sys
import datetime as dtm
from datetime import date, time, datetime, timedelta, timezone
td = timedelta(days=1, hours=25, minutes=-3, seconds=7.5, microseconds=3, milliseconds=2.25)
print(td, repr(td), td.total_seconds(), -td, abs(-td), td * 2, td * 0.5, td / 3, td // 7, td / timedelta(hours=1), td // timedelta(minutes=7), td % timedelta(hours=5), divmod(td, timedelta(hours=5)))
print(timedelta(0), repr(timedelta(0)), timedelta(microseconds=-1), timedelta(days=-1, seconds=5), str(timedelta(weeks=3)), timedelta(seconds=0.5), timedelta(microseconds=0.5), timedelta(microseconds=1.5), timedelta(days=0.1))
print(timedelta.max, timedelta.min, timedelta.resolution, timedelta(1) == timedelta(hours=24), hash(timedelta(1)) == hash(timedelta(hours=24)), bool(timedelta(0)), sorted([timedelta(3), timedelta(-1), timedelta(0)]))
d = date(2024, 2, 29)
print(d, repr(d), d.year, d.month, d.day, d.weekday(), d.isoweekday(), d.isocalendar(), d.isocalendar().week, d.toordinal(), date.fromordinal(738945), d.ctime(), d.isoformat())
print(d + timedelta(days=1), d - timedelta(days=366), d - date(2000, 1, 1), d.replace(day=1), d.replace(year=2025, day=28), d.strftime("%Y/%m/%d %A %B %j %U %a %b"), f"{d:%d.%m.%y}", f"{d}", format(d, ""))
print(date.fromisoformat("2021-03-04"), date.fromisoformat("20210304"), date.fromisoformat("2021-W01-1"), date.fromisocalendar(2020, 53, 7), date.min, date.max, date(2020, 1, 1) < date(2020, 1, 2), date(2020,1,1) == date(2020,1,1))
for y in (2019, 2020, 2021, 2026, 1, 9999):
    print([date(y, m, dd).isocalendar() for m, dd in ((1, 1), (12, 31), (6, 15))])
for args in [(2023, 2, 29), (2023, 13, 1), (0, 1, 1), (2020, 1, 32)]:
    try:
        date(*args)
    except ValueError as e:
        print("ValueError", e)
try:
    date(2020.0, 1, 1)
except TypeError as e:
    print("TypeError", e)
t = time(13, 5, 9, 123)
print(t, repr(t), time(1, 2), repr(time(1, 2)), repr(time(1, 2, 3)), t.isoformat("minutes"), t.isoformat("milliseconds"), t.strftime("%H-%M-%S %p %I"), time.fromisoformat("04:23:01.000384"), time.fromisoformat("04:23"), time(1) < time(2))
dt = datetime(2020, 5, 17, 13, 45, 30, 250000)
print(dt, repr(dt), repr(datetime(2020, 1, 1)), repr(datetime(2020, 1, 1, 5)), repr(datetime(2020,1,1,0,0,7)), dt.date(), dt.time(), dt.isoformat(), dt.isoformat(" ", "seconds"), dt.strftime("%Y-%m-%d %H:%M:%S.%f"), dt.ctime(), dt.weekday(), dt.timetuple())
print(dt + timedelta(hours=12), dt - timedelta(days=400), dt - datetime(2020, 1, 1), datetime(2020, 1, 1) - dt, dt.replace(hour=1, microsecond=0), datetime.combine(date(2020, 1, 2), time(3, 4)), dt > datetime(2020, 5, 17), dt == datetime(2020, 5, 17, 13, 45, 30, 250000), hash(dt) == hash(datetime(2020, 5, 17, 13, 45, 30, 250000)))
print(datetime.fromisoformat("2011-11-04T00:05:23"), datetime.fromisoformat("2011-11-04 00:05:23.283"), datetime.fromisoformat("2011-11-04T00:05:23+04:00"), datetime.fromisoformat("2011-11-04T00:05:23Z"), datetime.fromisoformat("2011-11-04"))
print(datetime.strptime("2021-03-04 05:06:07", "%Y-%m-%d %H:%M:%S"), datetime.strptime("04/Mar/21 5PM", "%d/%b/%y %I%p"), datetime.strptime("2021-03-04T05:06:07.5+0100", "%Y-%m-%dT%H:%M:%S.%f%z"), datetime.strptime("2021 100", "%Y %j"))
for bad in [("2021-13-04", "%Y-%m-%d"), ("2021-03-04x", "%Y-%m-%d"), ("x", "%Y")]:
    try:
        datetime.strptime(*bad)
    except ValueError as e:
        print("ValueError", e)
u = timezone.utc
print(u, repr(u), timezone(timedelta(hours=5, minutes=30)), repr(timezone(timedelta(hours=-3), "BRT")), timezone(timedelta(0)) is u, dtm.UTC is u)
a = datetime(2020, 1, 1, 12, tzinfo=u)
b = datetime(2020, 1, 1, 14, tzinfo=timezone(timedelta(hours=2)))
print(a, repr(a), b, a == b, a - b, b.utcoffset(), b.tzname(), a.timestamp(), b.astimezone(u), a.astimezone(timezone(timedelta(hours=-5))), b.isoformat(), a.strftime("%z %Z %:z"), hash(a) == hash(b))
print(datetime.fromtimestamp(86400 * 365.25, u), datetime.utcfromtimestamp(0), datetime.fromtimestamp(1.5, u), datetime.fromtimestamp(-1.25, u))
try:
    a < datetime(2020, 1, 1)
except TypeError as e:
    print("TypeError", e)
print(a == datetime(2020, 1, 1, 12), date(2020, 1, 1) == datetime(2020, 1, 1))
try:
    date(2020, 1, 1) < datetime(2020, 1, 1)
except TypeError as e:
    print("TypeError", e)
n = datetime.now()
print(type(n).__name__, abs((datetime.fromtimestamp(n.timestamp()) - n).total_seconds()) < 1e-3, date.today() == n.date() or True, (datetime.now(u) - datetime.now(u)).days in (0, -1))
print(datetime.max, datetime.min, datetime(2020, 1, 1).timestamp() == __import__("time").mktime((2020, 1, 1, 0, 0, 0, 0, 1, -1)))
class D(datetime):
    pass
print(repr(D(2020, 1, 2)), type(D(2020, 1, 2) + timedelta(1)).__name__)
print(sorted([datetime(2020, 1, 3), datetime(2019, 5, 1), datetime(2020, 1, 2, 23)]))
print({date(2020, 1, 1): 1}[date(2020, 1, 1)], dtm.MINYEAR, dtm.MAXYEAR)
