package com.example.inventory;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Saves and restores the in-memory stock between restarts. */
public class SnapshotStore {
  public void save(Path file, List<Product> stock) throws IOException {
    try (ObjectOutputStream out = new ObjectOutputStream(new FileOutputStream(file.toFile()))) {
      out.writeObject(new ArrayList<>(stock));
    }
  }

  @SuppressWarnings("unchecked")
  public List<Product> load(Path file) throws IOException, ClassNotFoundException {
    try (FileInputStream bytes = new FileInputStream(file.toFile());
        ObjectInputStream in = new ObjectInputStream(bytes)) {
      return (List<Product>) in.readObject();
    }
  }
}
