tag`a${b}c\u{41}${`nested ${d}`}`; String.raw`\unicode and \xZZ`; `line
break ${1 + 2}`; x = a?.b?.[c]?.(d) ?? e || f && g; y ||= 1; z &&= 2; w ??= 3; 0x1_F + 0b1010 + 0o17 + 1_000n + .5e-3;
