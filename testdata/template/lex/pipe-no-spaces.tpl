---
{{"x"|printf "%s!"|upper}}
