# Regular expressions over a 1 MB text: searches that scan the whole subject
# (the engine's inner loop), many small matches (Match objects, findall,
# sub with a template and with a function), and split.
import re

words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta']
lines = []
for i in range(20000):
    lines.append('%s-%d %s@example.org %s, %d.%02d' % (words[i % 8], i, words[(i * 3) % 8], words[(i * 5) % 8], i % 97, i % 60))
text = '\n'.join(lines)

total = 0
for _ in range(5):
    total += len(re.findall(r'\b\w+@\w+\.org\b', text))
    total += len(re.findall(r'(\d+)\.(\d\d)', text))
    total += len(re.sub(r'(\w+)-(\d+)', r'\2:\1', text))
    total += len(re.sub(r'\d+', lambda m: str(len(m.group())), text))
    total += len(re.split(r'[,\n]\s*', text))
    total += sum(1 for m in re.finditer(r'^(\w+)-\d+ ', text, re.M) if m.group(1) == 'gamma')
    total += 0 if re.search(r'x{3}y', text) is None else 1
    total += 0 if re.search(r'(?i)THETA-19999', text) is None else 1
print(total)
