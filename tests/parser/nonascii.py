# -*- coding: utf-8 -*-
café = 1
naïve = "naïve"
π = 3.14159
變數 = "中文字符串"
Δx = 1
ℌ = 1
ﬁle = 2
𝔘𝔫𝔦𝔠𝔬𝔡𝔢 = 3
emoji = "😀 🐍 𝄞 \U0001F40D"
rtl = "שלום עולם"
mixed = f"{café} {π:.2f} ☃"
def größe(größe): return größe
class Ñandú: ça = 1
s = "\N{SNAKE}"
ident_ª = 1
x = 'ⁿ' ; xⁿ = 2
