# Attribute reads and writes on instances of a plain class.
class Particle:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.vx = 1
        self.vy = -1


def run(rounds):
    particles = [Particle(i, -i) for i in range(10)]
    for _ in range(rounds):
        for p in particles:
            p.x = p.x + p.vx
            p.y = p.y + p.vy
            if p.x > 100 or p.x < -100:
                p.vx = -p.vx
            if p.y > 100 or p.y < -100:
                p.vy = -p.vy
    return sum(p.x * 3 + p.y for p in particles)


print(run(600000))
