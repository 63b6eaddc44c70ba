var \u0061bc = 1, ℮x = 2, 𝑓 = 3, ゆ = '\u{1F600}\x41\101'; /(?<name>\p{L}+)\k<name>[\p{Script=Greek}--\p{Letter}]/v; /[^]|\cJ|(?=a)(?!b)(?<=c)(?<!d)/dgimsy;
