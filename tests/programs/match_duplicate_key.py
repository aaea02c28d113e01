# A literal key repeated in a mapping pattern is a SyntaxError at compile time.
print("never printed")
match {"a": 1}:
    case {"a": 1, "a": 2}:
        pass
