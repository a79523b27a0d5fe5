package fr.maillage.network;

import java.time.LocalDate;

/** An adviser on a day: whose scope on that day decides who may see or change what it did then. */
public record AdviserDay(String adviserId, LocalDate day) {
}
