package fr.maillage.territories;

/** The prefecture of a département; {@code regional} when it is also the prefecture of its region. */
public record Prefecture(String code, String name, boolean regional, String regionCode, String seatCode) {

    public String id() {
        return "PREFECTURE:" + code;
    }
}
