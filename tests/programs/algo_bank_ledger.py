# A ledger simulation: classes with properties and class-level state,
# custom exceptions, context managers for transactions, sorting and
# formatted reports.


class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount:.2f} (balance {account.balance:.2f})")
        self.shortfall = amount - account.balance


class Account:
    next_id = 1000

    def __init__(self, owner, balance=0.0):
        self.id = Account.next_id
        Account.next_id += 1
        self.owner = owner
        self._balance = balance
        self.history = []

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(self, amount)
        self._balance -= amount
        self.history.append(("withdraw", amount))

    def __repr__(self):
        return f"Account({self.id}, {self.owner!r}, {self._balance:.2f})"


class Transfer:
    def __init__(self, bank):
        self.bank = bank

    def __enter__(self):
        self.snapshot = {a.id: (a._balance, len(a.history)) for a in self.bank.accounts}
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            for a in self.bank.accounts:
                a._balance, n = self.snapshot[a.id]
                del a.history[n:]
            self.bank.failures.append(str(exc))
            return issubclass(exc_type, (InsufficientFunds, ValueError))
        return False


class Bank:
    def __init__(self):
        self.accounts, self.failures = [], []

    def open(self, owner, balance=0.0):
        acct = Account(owner, balance)
        self.accounts.append(acct)
        return acct

    def transfer(self, src, dst, amount):
        with Transfer(self):
            src.withdraw(amount)
            dst.deposit(amount)

    def report(self):
        lines = [f"{'id':>5} {'owner':<8} {'balance':>10}"]
        for a in sorted(self.accounts, key=lambda a: (-a.balance, a.owner)):
            lines.append(f"{a.id:>5} {a.owner:<8} {a.balance:>10,.2f}")
        lines.append(f"{'':>5} {'total':<8} {sum(a.balance for a in self.accounts):>10,.2f}")
        return "\n".join(lines)


bank = Bank()
alice, bob, carol = bank.open("alice", 500), bank.open("bob", 50), bank.open("carol")
bank.transfer(alice, bob, 120.5)
bank.transfer(bob, carol, 1000)
bank.transfer(carol, alice, 0)
bank.transfer(bob, carol, 70.25)
bank.transfer(alice, carol, -5)
print(bank.report())
print(bank.failures)
print(alice.history, bob.history, carol.history)
try:
    carol.withdraw(1e6)
except InsufficientFunds as e:
    print(type(e).__name__, e, round(e.shortfall, 2))
print(Account.next_id, [a for a in bank.accounts if a.balance > 100])
