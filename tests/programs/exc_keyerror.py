# Uncaught KeyError from a missing dict key, through a lambda and a function.
config = {'host': 'localhost', 'port': 8080}
get = lambda key: config[key]
def connect():
    print('host', get('host'))
    print('port', get('port'))
    print('user', get('user'))
connect()
