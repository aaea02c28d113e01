# User exception classes: extra attributes, __str__/__repr__ overrides,
# args handling, hierarchies, and exceptions as ordinary objects.


class AppError(Exception):
    """Base of this program's errors."""


class ValidationError(AppError):
    def __init__(self, field, value):
        super().__init__(field, value)
        self.field, self.value = field, value

    def __str__(self):
        return f"invalid {self.field}: {self.value!r}"


class RetryableError(AppError):
    def __init__(self, message, attempts=3):
        super().__init__(message)
        self.attempts = attempts

    def __repr__(self):
        return f"RetryableError({self.args[0]!r}, attempts={self.attempts})"


class Silent(AppError):
    pass


errors = [ValidationError("age", -1), RetryableError("timeout"), Silent(), Silent("a", "b"), AppError("plain")]
for e in errors:
    print(type(e).__name__, "|", str(e), "|", repr(e), "|", e.args, "|", isinstance(e, AppError))

print(ValidationError.__doc__, AppError.__doc__, ValidationError.__mro__[1].__name__)


def validate(user):
    problems = []
    for field in ("name", "age"):
        try:
            value = user[field]
            if field == "age" and not (0 <= value < 150):
                raise ValidationError(field, value)
            if field == "name" and not value:
                raise ValidationError(field, value)
        except KeyError as e:
            problems.append(f"missing {e}")
        except ValidationError as e:
            problems.append(str(e))
    return problems


print(validate({"name": "", "age": 200}), validate({"age": 3}), validate({"name": "x", "age": 30}))

attempt = 0
while True:
    try:
        attempt += 1
        if attempt < 3:
            raise RetryableError(f"try {attempt}", attempts=attempt)
        print("succeeded after", attempt)
        break
    except RetryableError as e:
        print("retrying:", repr(e), e.attempts)

e = ValidationError("x", 1)
e.note = "extra"
print(e.note, vars(e), e.__class__.__name__, e.with_traceback(None) is e)
try:
    raise e
except AppError as caught:
    print(caught is e, caught.field)
err = AppError()
err.args = ("replaced", 2)
print(err, err.args, str(AppError("only")), repr(AppError()))
