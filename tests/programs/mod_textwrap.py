import textwrap
T = "The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs! A well-known, self-evident, state-of-the-art example follows."
for w in (10, 20, 33, 50):
    print(textwrap.wrap(T, w))
print(textwrap.fill(T, 30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap("supercalifragilisticexpialidocious word", 10))
print(textwrap.wrap("supercalifragilisticexpialidocious word", 10, break_long_words=False))
print(textwrap.wrap("a\tb\tc  d\n e", 6), textwrap.wrap("", 5), textwrap.wrap("   ", 5))
print(textwrap.shorten("Hello  world!  How are you today?", 20), textwrap.shorten("Hi there", 20), textwrap.shorten("Hello world", 11, placeholder="..."))
print(textwrap.wrap(T, 25, max_lines=2))
print(repr(textwrap.dedent("""\
    def f():
        return 1
  
    x = 2
""")))
print(repr(textwrap.dedent("  a\n\tb")), repr(textwrap.dedent("\n   x\n   y\n")))
print(repr(textwrap.indent("a\n\nb\n", "> ")), repr(textwrap.indent("a\n\nb", "+", lambda l: True)))
print(textwrap.wrap("one-two-three four-five", 8), textwrap.wrap("one-two-three", 8, break_on_hyphens=False))
print(textwrap.wrap("end. Next sentence", 40, fix_sentence_endings=True))
try:
    textwrap.wrap("x", 0)
except ValueError as e:
    print(e)
