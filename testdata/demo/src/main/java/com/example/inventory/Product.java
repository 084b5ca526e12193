package com.example.inventory;

/** One stock-keeping unit and how many are on hand. */
public record Product(String sku, String name, int quantity) {}
