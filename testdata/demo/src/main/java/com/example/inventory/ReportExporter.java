package com.example.inventory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the stock report; every resource here is handled correctly. */
public class ReportExporter {
  public void export(Path target, List<Product> products) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(target)) {
      for (Product p : products) {
        out.write(p.sku() + "\t" + p.name() + "\t" + p.quantity());
        out.newLine();
      }
    }
  }
}
