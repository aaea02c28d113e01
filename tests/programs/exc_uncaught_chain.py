# An uncaught exception with both an explicit cause and an implicit
# context: CPython's chained traceback on stderr, exit status 1.


class ConfigError(Exception):
    def __init__(self, key, reason):
        super().__init__(f"{key}: {reason}")
        self.key = key


def parse(text):
    return int(text)


def load(settings):
    try:
        return {k: parse(v) for k, v in settings.items()}
    except ValueError as e:
        raise ConfigError("port", "not a number") from e


def main():
    try:
        load({"port": "eighty"})
    except ConfigError:
        cleanup = None
        cleanup.close()


print("starting")
main()
