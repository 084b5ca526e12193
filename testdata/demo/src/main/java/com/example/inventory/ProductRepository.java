package com.example.inventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Reads and writes products; the caller owns the connection. */
public class ProductRepository {
  private final Connection connection;

  public ProductRepository(Connection connection) {
    this.connection = connection;
  }

  public void updateQuantity(String sku, int quantity) throws SQLException {
    PreparedStatement update =
        connection.prepareStatement("update product set quantity = ? where sku = ?");
    update.setInt(1, quantity);
    update.setString(2, sku);
    update.executeUpdate(); // the statement is never closed
  }

  public Optional<Product> find(String sku) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("select name, quantity from product where sku = ?")) {
      query.setString(1, sku);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next()
            ? Optional.of(new Product(sku, rows.getString(1), rows.getInt(2)))
            : Optional.empty();
      }
    }
  }
}
