{"n": 3600}
---
{{ $i95 := (toDate "2006-01-02 15:04:05" "1970-01-01 00:01:35").Unix }}{{ $ns := (toDate "2006-01-02 15:04:05.000000000" "1970-01-01 00:00:01.000000001").UnixNano }}
{{ duration "95" }}|{{ duration 95 }}|{{ duration $i95 }}|{{ duration "x" }}|{{ duration .Values.n }}|{{ duration "-3661" }}|{{ duration "100000000000" }}|{{ duration "0" }}
{{ durationRound "2h10m5s" }}|{{ durationRound "3600s" }}|{{ durationRound "3601s" }}|{{ durationRound "-49h" }}|{{ durationRound "x" }}|{{ durationRound $ns }}|{{ durationRound 5 }}
{{ durationRound "8761h" }}|{{ durationRound "8760h" }}|{{ durationRound "721h" }}|{{ durationRound "60s" }}|{{ durationRound "61s" }}|{{ durationRound "1s" }}|{{ durationRound "999ms" }}
{{ durationRound "2562047h" }}
