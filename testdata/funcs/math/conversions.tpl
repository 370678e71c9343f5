{"i": 3, "f": 2.5, "neg": -2.5, "s": "12", "big": 1e+20, "z": 0, "str": "abc", "l": [1], "t": true}
---
atoi: {{ atoi "42" }} {{ atoi "-42" }} {{ atoi "4x" }} {{ atoi "" }} {{ atoi "99999999999999999999" }} {{ atoi "-99999999999999999999" }} {{ atoi "1_000" }} {{ atoi "+5" }} {{ atoi " 5" }} {{ atoi "0x10" }} {{ atoi "42" | typeOf }}
int: {{ int "42" }} {{ int 4.9 }} {{ int -4.9 }} {{ int "4.0" }} {{ int "4.5" }} {{ int "0b101" }} {{ int "1_0" }} {{ int true }} {{ int nil }} {{ int .Values.l }} {{ int "0o17" }} {{ int "017" }} {{ int .Values.f | typeOf }} {{ int .Values.big }}
int64: {{ int64 "42" }} {{ int64 4.9 }} {{ int64 "9223372036854775808" }} {{ int64 .Values.f | typeOf }} {{ int64 "-0x10" }}
float64: {{ float64 "1.5" }} {{ float64 3 }} {{ float64 "1e3" }} {{ float64 "x" }} {{ float64 "Inf" }} {{ float64 "0x1p-2" }} {{ float64 "1_000.5" }} {{ float64 true }} {{ float64 1 | typeOf }} {{ float64 "1e400" }}
toDecimal: {{ toDecimal "0777" }} {{ toDecimal "777" }} {{ toDecimal 17 }} {{ toDecimal "8" }} {{ toDecimal .Values.f }} {{ toDecimal "-10" }} {{ toDecimal 10.0 }} {{ toDecimal "0o17" }} {{ toDecimal "1_0" }} {{ toDecimal "0777" | typeOf }} {{ toDecimal nil }}
