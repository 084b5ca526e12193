package com.example.inventory;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;

/** Reads the service's settings file. */
public class Settings {
  public static String databaseUrl(Path file) throws IOException {
    InputStream in = new FileInputStream(file.toFile());
    Properties props = new Properties();
    props.load(in);
    in.close();
    return props.getProperty("db.url", "jdbc:h2:mem:inventory");
  }
}
