package org.techmarket.reference;

/** The future industries by which assets are tagged and market statistics are reported, with Chinese and English names. */
public enum FutureIndustry {
    ARTIFICIAL_INTELLIGENCE("人工智能", "Artificial intelligence"),
    HUMANOID_ROBOTS("人形机器人", "Humanoid robots"),
    METAVERSE("元宇宙", "Metaverse"),
    NEXT_GENERATION_INTERNET("下一代互联网", "Next-generation internet"),
    SIXTH_GENERATION_MOBILE("第六代移动通信(6G)", "Sixth-generation mobile communications (6G)"),
    QUANTUM_INFORMATION("量子信息", "Quantum information"),
    BRAIN_LIKE_INTELLIGENCE("类脑智能", "Brain-like intelligence"),
    GENETIC_TECHNOLOGY("基因技术", "Genetic technology"),
    INTEGRATED_CIRCUITS("集成电路", "Integrated circuits"),
    NEW_ENERGY_STORAGE("新型储能", "New-type energy storage"),
    COMMERCIAL_SPACEFLIGHT("商业航天", "Commercial spaceflight"),
    DEEP_SEA("深海", "Deep sea"),
    DEEP_SPACE("深空", "Deep space"),
    ADVANCED_MATERIALS("先进材料", "Advanced materials"),
    BIOMANUFACTURING("生物制造", "Biomanufacturing"),
    NEW_ENERGY("新能源", "New energy"),
    OTHER("其他", "Other");

    private final String zhName;
    private final String enName;

    FutureIndustry(String zhName, String enName) {
        this.zhName = zhName;
        this.enName = enName;
    }

    public String zhName() {
        return zhName;
    }

    public String enName() {
        return enName;
    }
}
