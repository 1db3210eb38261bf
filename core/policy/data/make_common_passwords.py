#!/usr/bin/python3
"""Regenerates common-passwords.txt from Debian's python3-zxcvbn (MIT).

Usage: /usr/bin/python3 core/policy/data/make_common_passwords.py > core/policy/data/common-passwords.txt
"""
from zxcvbn.frequency_lists import FREQUENCY_LISTS

TOP = 10000

print("\n".join(FREQUENCY_LISTS["passwords"][:TOP]))
