# An irrefutable case before others is a SyntaxError.
def f(x):
    match x:
        case y:
            return y
        case 1:
            return 1
