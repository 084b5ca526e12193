package com.example.inventory;

import java.io.BufferedReader;
import java.io.FileReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Imports product rows from a supplier's CSV export. */
public class CsvImporter {
  public List<Product> importFile(Path csv) throws IOException {
    BufferedReader reader = new BufferedReader(new FileReader(csv.toFile(), StandardCharsets.UTF_8));
    String header = reader.readLine();
    if (header == null || !header.startsWith("sku,")) {
      return List.of(); // the reader stays open
    }
    List<Product> products = new ArrayList<>();
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      String[] cells = line.split(",", -1);
      products.add(new Product(cells[0], cells[1], Integer.parseInt(cells[2])));
    }
    reader.close();
    return products;
  }
}
