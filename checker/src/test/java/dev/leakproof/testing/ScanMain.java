package dev.leakproof.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Prints the findings for the Java files or directories given; a tool for working on checks. */
public final class ScanMain {
  private ScanMain() {}

  public static void main(String[] args) throws Exception {
    List<Path> files;
    try (Stream<Path> s =
        Stream.of(args)
            .filter(a -> !a.startsWith("-"))
            .map(Path::of)
            .flatMap(ScanMain::javaFiles)) {
      files = s.toList();
    }
    List<String> options = Stream.of(args).filter(a -> a.startsWith("-")).toList();
    Scanner.Result r = Scanner.scan(files, options);
    System.out.print(r.output());
    r.errors().forEach(e -> System.out.println("ERROR " + e));
    r.notes().forEach(n -> System.out.println("NOTE " + n));
    r.findings().forEach(System.out::println);
    System.out.println(r.findings().size() + " findings");
  }

  private static Stream<Path> javaFiles(Path p) {
    try {
      return Files.isDirectory(p)
          ? Files.walk(p).filter(f -> f.toString().endsWith(".java")).toList().stream()
          : Stream.of(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
