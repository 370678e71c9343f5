---
{{ toJson nil }}|{{ toJson true }}|{{ toJson false }}|{{ toJson 1 }}|{{ toJson -7 }}|{{ toJson 1.5 }}|{{ toJson "x" }}|{{ toJson .Values.missing }}
{{ toPrettyJson nil }}|{{ toPrettyJson 3 }}|{{ toPrettyJson "s" }}|{{ toRawJson nil }}|{{ mustToJson nil }}|{{ mustToRawJson "<" }}
{{ toJson .Values }}|{{ toPrettyJson .Values }}
{{ printf "%T" (toJson 1) }}
