package org.techmarket.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * China's provinces and prefecture-level cities (GB/T 2260), read once from the vendored CSV files.
 *
 * <p>The four municipalities (Beijing 110000, Tianjin 120000, Shanghai 310000, Chongqing 500000), Hong Kong,
 * Macao and Taiwan have no prefecture level: the source lists no cities for them, so they are provinces
 * without cities and stand for themselves wherever a city is asked for (see {@link #locate(String)}).
 * The source's grouping rows for county-level cities run directly by a province (419000, 429000, 469000,
 * 659000) are kept as cities, because county codes such as 429004 (Xiantao) roll up to them; they are
 * named after their province (e.g. 湖北省直辖县级行政区划).
 */
public final class Regions {

    private static final String PROVINCES = "reference/province.csv";
    private static final String CITIES = "reference/city.csv";
    private static final String DIRECT_ADMINISTRATION = "直辖县级行政区划";

    private final Map<String, Region> byCode;
    private final List<Region> all;
    private final List<Region> provinces;

    private Regions(TreeMap<String, Region> sortedByCode) {
        this.byCode = Map.copyOf(sortedByCode);
        this.all = List.copyOf(sortedByCode.values());
        this.provinces =
                all.stream().filter(r -> r.level() == Region.Level.PROVINCE).toList();
    }

    /** The regions of the vendored data; read on first use and shared afterwards. */
    public static Regions load() {
        return Loaded.INSTANCE;
    }

    public Optional<Region> find(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }

    /** Every province and city, ordered by code. */
    public List<Region> all() {
        return all;
    }

    /** The 34 provincial-level divisions, ordered by code. */
    public List<Region> provinces() {
        return provinces;
    }

    /** The cities of one province, ordered by code; empty for a municipality or an unknown code. */
    public List<Region> citiesOf(String provinceCode) {
        return all.stream()
                .filter(r -> r.level() == Region.Level.CITY && r.provinceCode().equals(provinceCode))
                .toList();
    }

    /** The province code of a city; empty for a province or an unknown code. */
    public Optional<String> parentOf(String code) {
        return find(code).filter(r -> r.level() == Region.Level.CITY).map(Region::provinceCode);
    }

    /**
     * The most specific known region that a GB/T 2260 code of any level falls in: a county code such as
     * 440305 gives its city 440300 (Shenzhen), a district of a municipality such as 110108 gives 110000
     * (Beijing). This is how the division code inside a credit code maps to a region for statistics.
     */
    public Optional<Region> locate(String divisionCode) {
        if (!Region.isDivisionCode(divisionCode)) {
            return Optional.empty();
        }
        return find(divisionCode)
                .or(() -> find(divisionCode.substring(0, 4) + "00"))
                .or(() -> find(divisionCode.substring(0, 2) + "0000"));
    }

    private static Regions fromClasspath() {
        TreeMap<String, Region> byCode = new TreeMap<>();
        for (Map<String, String> row : Csv.readResource(PROVINCES)) {
            String code = row.get("code");
            byCode.put(code, new Region(code, row.get("name"), Region.Level.PROVINCE, code));
        }
        List<Region> cities = new ArrayList<>();
        for (Map<String, String> row : Csv.readResource(CITIES)) {
            String provinceCode = row.get("province") + "0000";
            Region province = byCode.get(provinceCode);
            if (province == null) {
                throw new IllegalStateException("city " + row.get("code") + " names unknown province " + provinceCode);
            }
            cities.add(
                    new Region(row.get("code"), cityName(row.get("name"), province), Region.Level.CITY, provinceCode));
        }
        cities.forEach(city -> byCode.put(city.code(), city));
        return new Regions(byCode);
    }

    // The source writes "湖北省-自治区直辖县级行政区划" for Hubei, which is no autonomous region.
    private static String cityName(String name, Region province) {
        if (!name.endsWith(DIRECT_ADMINISTRATION)) {
            return name;
        }
        return province.name() + DIRECT_ADMINISTRATION;
    }

    private static final class Loaded {
        static final Regions INSTANCE = fromClasspath();
    }
}
