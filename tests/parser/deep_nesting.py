x = ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))
y = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
z = a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11 + a12 + a13 + a14 + a15 + a16 + a17 + a18 + a19 + a20 + a21 + a22 + a23 + a24 + a25 + a26 + a27 + a28 + a29 + a30 + a31 + a32 + a33 + a34 + a35 + a36 + a37 + a38 + a39 + a40 + a41 + a42 + a43 + a44 + a45 + a46 + a47 + a48 + a49 + a50 + a51 + a52 + a53 + a54 + a55 + a56 + a57 + a58 + a59 + a60 + a61 + a62 + a63 + a64 + a65 + a66 + a67 + a68 + a69 + a70 + a71 + a72 + a73 + a74 + a75 + a76 + a77 + a78 + a79 + a80 + a81 + a82 + a83 + a84 + a85 + a86 + a87 + a88 + a89 + a90 + a91 + a92 + a93 + a94 + a95 + a96 + a97 + a98 + a99 + a100 + a101 + a102 + a103 + a104 + a105 + a106 + a107 + a108 + a109 + a110 + a111 + a112 + a113 + a114 + a115 + a116 + a117 + a118 + a119 + a120 + a121 + a122 + a123 + a124 + a125 + a126 + a127 + a128 + a129 + a130 + a131 + a132 + a133 + a134 + a135 + a136 + a137 + a138 + a139 + a140 + a141 + a142 + a143 + a144 + a145 + a146 + a147 + a148 + a149 + a150 + a151 + a152 + a153 + a154 + a155 + a156 + a157 + a158 + a159 + a160 + a161 + a162 + a163 + a164 + a165 + a166 + a167 + a168 + a169 + a170 + a171 + a172 + a173 + a174 + a175 + a176 + a177 + a178 + a179 + a180 + a181 + a182 + a183 + a184 + a185 + a186 + a187 + a188 + a189 + a190 + a191 + a192 + a193 + a194 + a195 + a196 + a197 + a198 + a199 + a200 + a201 + a202 + a203 + a204 + a205 + a206 + a207 + a208 + a209 + a210 + a211 + a212 + a213 + a214 + a215 + a216 + a217 + a218 + a219 + a220 + a221 + a222 + a223 + a224 + a225 + a226 + a227 + a228 + a229 + a230 + a231 + a232 + a233 + a234 + a235 + a236 + a237 + a238 + a239 + a240 + a241 + a242 + a243 + a244 + a245 + a246 + a247 + a248 + a249 + a250 + a251 + a252 + a253 + a254 + a255 + a256 + a257 + a258 + a259 + a260 + a261 + a262 + a263 + a264 + a265 + a266 + a267 + a268 + a269 + a270 + a271 + a272 + a273 + a274 + a275 + a276 + a277 + a278 + a279 + a280 + a281 + a282 + a283 + a284 + a285 + a286 + a287 + a288 + a289 + a290 + a291 + a292 + a293 + a294 + a295 + a296 + a297 + a298 + a299
w = --------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------1
v = not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not not x
u = a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.b
t = f(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)(x)
s = 0 if c else 1 if c else 2 if c else 3 if c else 4 if c else 5 if c else 6 if c else 7 if c else 8 if c else 9 if c else 10 if c else 11 if c else 12 if c else 13 if c else 14 if c else 15 if c else 16 if c else 17 if c else 18 if c else 19 if c else 20 if c else 21 if c else 22 if c else 23 if c else 24 if c else 25 if c else 26 if c else 27 if c else 28 if c else 29 if c else 30 if c else 31 if c else 32 if c else 33 if c else 34 if c else 35 if c else 36 if c else 37 if c else 38 if c else 39 if c else 40 if c else 41 if c else 42 if c else 43 if c else 44 if c else 45 if c else 46 if c else 47 if c else 48 if c else 49 if c else 50 if c else 51 if c else 52 if c else 53 if c else 54 if c else 55 if c else 56 if c else 57 if c else 58 if c else 59 if c else 60 if c else 61 if c else 62 if c else 63 if c else 64 if c else 65 if c else 66 if c else 67 if c else 68 if c else 69 if c else 70 if c else 71 if c else 72 if c else 73 if c else 74 if c else 75 if c else 76 if c else 77 if c else 78 if c else 79 if c else 80 if c else 81 if c else 82 if c else 83 if c else 84 if c else 85 if c else 86 if c else 87 if c else 88 if c else 89 if c else 90 if c else 91 if c else 92 if c else 93 if c else 94 if c else 95 if c else 96 if c else 97 if c else 98 if c else 99
if c0:
    if c1:
        if c2:
            if c3:
                if c4:
                    if c5:
                        if c6:
                            if c7:
                                if c8:
                                    if c9:
                                        if c10:
                                            if c11:
                                                if c12:
                                                    if c13:
                                                        if c14:
                                                            if c15:
                                                                if c16:
                                                                    if c17:
                                                                        if c18:
                                                                            if c19:
                                                                                if c20:
                                                                                    if c21:
                                                                                        if c22:
                                                                                            if c23:
                                                                                                if c24:
                                                                                                    if c25:
                                                                                                        if c26:
                                                                                                            if c27:
                                                                                                                if c28:
                                                                                                                    if c29:
                                                                                                                        if c30:
                                                                                                                            if c31:
                                                                                                                                if c32:
                                                                                                                                    if c33:
                                                                                                                                        if c34:
                                                                                                                                            if c35:
                                                                                                                                                if c36:
                                                                                                                                                    if c37:
                                                                                                                                                        if c38:
                                                                                                                                                            if c39:
                                                                                                                                                                if c40:
                                                                                                                                                                    if c41:
                                                                                                                                                                        if c42:
                                                                                                                                                                            if c43:
                                                                                                                                                                                if c44:
                                                                                                                                                                                    if c45:
                                                                                                                                                                                        if c46:
                                                                                                                                                                                            if c47:
                                                                                                                                                                                                if c48:
                                                                                                                                                                                                    if c49:
                                                                                                                                                                                                        if c50:
                                                                                                                                                                                                            if c51:
                                                                                                                                                                                                                if c52:
                                                                                                                                                                                                                    if c53:
                                                                                                                                                                                                                        if c54:
                                                                                                                                                                                                                            if c55:
                                                                                                                                                                                                                                if c56:
                                                                                                                                                                                                                                    if c57:
                                                                                                                                                                                                                                        if c58:
                                                                                                                                                                                                                                            if c59:
                                                                                                                                                                                                                                                pass
r = {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': 1}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}
q = lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: lambda: 0
