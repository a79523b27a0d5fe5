package fr.maillage.territories;

public record Sgar(String code, String name, String seatCode) {

    public String id() {
        return "SGAR:" + code;
    }
}
