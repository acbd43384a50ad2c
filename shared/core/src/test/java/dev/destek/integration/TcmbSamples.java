package dev.destek.integration;

import java.nio.charset.StandardCharsets;

/** today.xml bulletins as the central bank publishes them (shape and quirks of the real file, invented quotes). */
final class TcmbSamples {
    private TcmbSamples() { }

    static final String BULLETIN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <?xml-stylesheet type="text/xsl" href="isokur.xsl"?>
            <Tarih_Date Tarih="25.11.2026" Date="11/25/2026"  Bulten_No="2026/222" >
            \t<Currency CrossOrder="0" Kod="USD" CurrencyCode="USD">
            \t\t\t<Unit>1</Unit>
            \t\t\t<Isim>ABD DOLARI</Isim>
            \t\t\t<CurrencyName>US DOLLAR</CurrencyName>
            \t\t\t<ForexBuying>42.3117</ForexBuying>
            \t\t\t<ForexSelling>42.3879</ForexSelling>
            \t\t\t<BanknoteBuying>42.2821</BanknoteBuying>
            \t\t\t<BanknoteSelling>42.4515</BanknoteSelling>
            \t\t\t<CrossRateUSD/>
            \t\t\t<CrossRateOther/>
            \t\t</Currency>
            \t<Currency CrossOrder="2" Kod="EUR" CurrencyCode="EUR">
            \t\t\t<Unit>1</Unit>
            \t\t\t<Isim>EURO</Isim>
            \t\t\t<CurrencyName>EURO</CurrencyName>
            \t\t\t<ForexBuying>48.9570</ForexBuying>
            \t\t\t<ForexSelling>49.0452</ForexSelling>
            \t\t\t<BanknoteBuying>48.9227</BanknoteBuying>
            \t\t\t<BanknoteSelling>49.1188</BanknoteSelling>
            \t\t\t<CrossRateUSD/>
            \t\t\t<CrossRateOther>1.1570</CrossRateOther>
            \t\t</Currency>
            \t<Currency CrossOrder="9" Kod="JPY" CurrencyCode="JPY">
            \t\t\t<Unit>100</Unit>
            \t\t\t<Isim>JAPON YENİ</Isim>
            \t\t\t<CurrencyName>JAPENESE YEN</CurrencyName>
            \t\t\t<ForexBuying>27.1043</ForexBuying>
            \t\t\t<ForexSelling>27.2838</ForexSelling>
            \t\t\t<BanknoteBuying>26.9145</BanknoteBuying>
            \t\t\t<BanknoteSelling>27.3861</BanknoteSelling>
            \t\t\t<CrossRateUSD>156.11</CrossRateUSD>
            \t\t\t<CrossRateOther/>
            \t\t</Currency>
            \t<Currency CrossOrder="18" Kod="KWD" CurrencyCode="KWD">
            \t\t\t<Unit>1</Unit>
            \t\t\t<Isim>KUVEYT DİNARI</Isim>
            \t\t\t<CurrencyName>KUWAITI DINAR</CurrencyName>
            \t\t\t<ForexBuying>137.5521</ForexBuying>
            \t\t\t<ForexSelling>139.3549</ForexSelling>
            \t\t\t<BanknoteBuying/>
            \t\t\t<BanknoteSelling/>
            \t\t\t<CrossRateUSD>0.3076</CrossRateUSD>
            \t\t\t<CrossRateOther/>
            \t\t</Currency>
            \t<Currency CrossOrder="20" Kod="XDR" CurrencyCode="XDR">
            \t\t\t<Unit>1</Unit>
            \t\t\t<Isim>ÖZEL ÇEKME HAKKI (SDR)                            </Isim>
            \t\t\t<CurrencyName>SPECIAL DRAWING RIGHT (SDR)                       </CurrencyName>
            \t\t\t<ForexBuying></ForexBuying>
            \t\t\t<ForexSelling/>
            \t\t\t<BanknoteBuying/>
            \t\t\t<BanknoteSelling/>
            \t\t\t<CrossRateUSD/>
            \t\t\t<CrossRateOther>1.3209</CrossRateOther>
            \t\t</Currency>
            </Tarih_Date>
            """;

    static byte[] bulletin() {
        return BULLETIN.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
