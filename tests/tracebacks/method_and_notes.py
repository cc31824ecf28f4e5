class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            error = RuntimeError(f"insufficient funds: {self.balance} < {amount}")
            error.add_note("while processing a withdrawal")
            raise error
        self.balance -= amount

Account(10).withdraw(25)
