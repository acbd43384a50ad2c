package dev.destek.validation;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Well-formed and malformed files, made by the tests themselves so that every byte is known. */
final class Corpus {
    /**
     * The EICAR anti-virus test file (eicar.org): harmless, and recognised as a test virus by every scanner. Kept
     * as two halves so that a scanner on a developer's machine does not flag this source file.
     */
    static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    private Corpus() { }

    static byte[] pdf(int pages) {
        try (PDDocument document = new PDDocument()) {
            addPages(document, pages);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF of about {@code bytes} bytes: one page of text, padded with an uncompressed image of noise. */
    static byte[] pdfOfSize(int bytes) {
        try (PDDocument document = new PDDocument()) {
            addPages(document, 1);
            byte[] noise = new byte[bytes];
            new java.util.Random(bytes).nextBytes(noise);
            var stream = new org.apache.pdfbox.pdmodel.common.PDStream(document);
            try (var out = stream.createOutputStream()) {
                out.write(noise);
            }
            document.getDocumentCatalog().getCOSObject().setItem(
                    org.apache.pdfbox.cos.COSName.getPDFName("DestekPadding"), stream.getCOSObject());
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Encrypted with {@code userPassword} (empty: anyone may open it) and the owner's {@code permission}. */
    static byte[] encryptedPdf(String userPassword, AccessPermission permission) {
        try (PDDocument document = new PDDocument()) {
            addPages(document, 1);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, permission);
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AccessPermission permissions(boolean print, boolean copy) {
        AccessPermission permission = new AccessPermission();
        permission.setCanPrint(print);
        permission.setCanExtractContent(copy);
        return permission;
    }

    static byte[] zeroPagePdf() {
        return pdf(0);
    }

    static byte[] truncated(byte[] file) {
        return Arrays.copyOf(file, file.length / 2);
    }

    static byte[] pdfHeaderAndGarbage(long seed, int size) {
        byte[] garbage = new byte[size];
        new java.util.Random(seed).nextBytes(garbage);
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, garbage, 0, header.length);
        return garbage;
    }

    /** A Windows executable's first bytes (the DOS stub), as found in a renamed {@code .exe}. */
    static byte[] executable() {
        byte[] exe = new byte[1024];
        exe[0] = 'M';
        exe[1] = 'Z';
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, exe, 0x4E, stub.length);
        exe[0x3C] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }

    static byte[] png(int width, int height) {
        return image("png", width, height);
    }

    static byte[] jpeg(int width, int height) {
        return image("jpeg", width, height);
    }

    /**
     * A PNG that declares {@code width} x {@code height} pixels but carries no image data: what a pixel-flood
     * attack looks like to a reader of the header.
     */
    static byte[] pngHeaderOnly(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** One entry of {@code uncompressedBytes} zeros: deflate shrinks it about a thousand times. */
    static byte[] zipBomb(int uncompressedBytes) {
        return zip(1, uncompressedBytes);
    }

    /** {@code entries} entries of {@code bytesEach} zeros each. */
    static byte[] zip(int entries, int bytesEach) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            byte[] zeros = new byte[64 * 1024];
            for (int i = 0; i < entries; i++) {
                zip.putNextEntry(new ZipEntry(i == 0 ? "[Content_Types].xml" : "xl/sheet" + i + ".xml"));
                for (int left = bytesEach; left > 0; left -= zeros.length) {
                    zip.write(zeros, 0, Math.min(left, zeros.length));
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] eicar() {
        return EICAR.getBytes(StandardCharsets.US_ASCII);
    }

    private static void addPages(PDDocument document, int pages) throws IOException {
        for (int i = 0; i < pages; i++) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(72, 720);
                text.showText("Destek test page " + (i + 1));
                text.endText();
            }
        }
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    private static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            image.setRGB(x, x % height, 0xFF0000);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
