"""An embedding example: a program, and a test that runs it and compares
what it prints with NAME.expected (run_example.sh)."""

def example(name, srcs, deps, copts = []):
    native.cc_binary(
        name = name,
        srcs = srcs,
        copts = copts,
        deps = deps,
    )
    native.sh_test(
        name = name + "_test",
        srcs = ["run_example.sh"],
        args = [
            "$(location :%s)" % name,
            "$(location %s.expected)" % name,
        ],
        data = [
            ":" + name,
            name + ".expected",
        ],
    )
