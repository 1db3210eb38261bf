#!/usr/bin/python3
"""Reads one .eml file with Python's own MIME parser, as a real mail client would, and prints
what tst_stub_notices checks, as JSON: any defects, the structure, and both parts' text."""
import email
import email.policy
import json
import sys

with open(sys.argv[1], "rb") as f:
    message = email.message_from_binary_file(f, policy=email.policy.default)

defects = [type(d).__name__ for d in message.defects]
for part in message.walk():
    defects += [type(d).__name__ for d in part.defects]
plain = message.get_body(preferencelist=("plain",))
html = message.get_body(preferencelist=("html",))
print(json.dumps({
    "defects": defects,
    "contentType": message.get_content_type(),
    "parts": [part.get_content_type() for part in message.iter_parts()]
    if message.is_multipart() else [],
    "subject": str(message["subject"]),
    "to": str(message["to"]),
    "plain": plain.get_content() if plain else "",
    "html": html.get_content() if html else "",
}))
