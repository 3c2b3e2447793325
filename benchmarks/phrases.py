"""Word banks for the article generator: the sentences, headlines and chrome of regional news.

Only data lives here; ``generate.py`` assembles it. Slots in ``{braces}`` are filled per article:
``{R}`` the region as the article writes it, ``{inst}`` an election or security body, ``{org}``
that body with its region ("KPU Kabupaten Tapin", "Pemkab Tapin"), ``{event}``
the event the story is about, ``{venue}`` where it happened, ``{n}`` / ``{k}`` / ``{p}`` / ``{x}``
numbers, ``{short}`` the short name of the person the paragraph is about, ``{district}`` a
kecamatan. Names of people and outlets are never listed: the generator invents them.
"""

from __future__ import annotations

# syllables of invented names and outlet words
ONSETS = (
    "b", "b", "d", "d", "g", "h", "h", "j", "k", "k", "l", "m", "m", "n", "p", "r", "r", "s",
    "s", "t", "t", "w", "w", "y", "sy", "kh", "ny", "", "",
)  # fmt: skip
VOWELS = ("a", "a", "a", "a", "i", "i", "i", "u", "u", "e", "o", "o")
CODAS = ("n", "n", "r", "s", "t", "ng", "l", "m", "h", "k", "d", "p")
NAME_ENDINGS = (
    "to", "wan", "wati", "yanti", "ningsih", "udin", "syah", "anto", "ina", "iah", "ono",
    "ardi", "uddin", "ati", "man", "yah", "i",
)  # fmt: skip
OUTLET_STEMS = (
    "warta", "kabar", "suara", "berita", "info", "lintas", "media", "portal", "detak",
    "gema", "jurnal", "radar", "sorot", "pena", "fakta", "tribun", "pos", "kilas", "bidik",
)  # fmt: skip
DOMAINS = (".com", ".com", ".com", ".id", ".co.id", ".net", ".news", ".co", ".info")

EVENTS = (
    "Rapat Koordinasi Pengamanan Pilkada",
    "Deklarasi Kampanye Damai",
    "Sosialisasi Pemilihan Kepala Daerah",
    "Apel Gelar Pasukan Operasi Mantap Praja",
    "Debat Publik Pasangan Calon",
    "Bimbingan Teknis KPPS",
    "Pelantikan Panitia Pemungutan Suara",
    "Simulasi Pemungutan dan Penghitungan Suara",
    "Rapat Pleno Terbuka Rekapitulasi Suara",
    "Doa Bersama Jelang Pilkada Serentak",
    "Penandatanganan Naskah Perjanjian Hibah Daerah",
    "Kirab Maskot Pilkada",
    "Sortir dan Lipat Surat Suara",
    "Pengundian Nomor Urut Pasangan Calon",
    "Rapat Koordinasi Netralitas ASN",
    "Patroli Skala Besar Jelang Pencoblosan",
)
VENUES = (
    "Pendopo {R}",
    "Aula Kantor Bupati {R}",
    "Gedung DPRD {R}",
    "Aula Mapolres {R}",
    "Kantor KPU {R}",
    "Gedung Serbaguna Kecamatan {district}",
    "Lapangan Kecamatan {district}",
    "Balai Pertemuan {district}",
    "Hotel {place} {R}",
)

# headlines: {head} is a role as headlines write it ("Bupati Kukar"), {who} a short name
HEADLINES = (
    "{org} Gelar {event} Jelang Pilkada 2024",
    "{head} {who} Ajak Warga Jaga Pilkada Damai",
    "{event}, {head} Minta ASN Jaga Netralitas",
    "Jelang Pencoblosan, {org} Pastikan Logistik Pilkada Aman",
    "{n} Personel Gabungan Amankan {event} di {R}",
    "{org} Targetkan Partisipasi Pemilih {p} Persen",
    "Pilkada {R} 2024: {inst} Petakan {k} TPS Rawan",
    "{head} Hadiri {event}, Tekankan Sinergi Semua Pihak",
    "Warga {district} Antusias Ikuti {event}",
    "{head} {who}: Perbedaan Pilihan Jangan Jadi Alasan Perpecahan",
    "Cegah Politik Uang, {org} Bentuk {k} Kampung Pengawasan",
    "{org} Tetapkan {k} Pasangan Calon Pilkada 2024",
)

LEDES = (
    "{role} {name} {verb} {event} yang digelar di {venue}{when}.",
    "{org} menggelar {event} di {venue}{when}. Kegiatan ini dihadiri {role} {name}.",
    "{role} {name} mengajak seluruh lapisan masyarakat untuk menyukseskan Pilkada serentak 2024 "
    "saat menghadiri {event} di {venue}{when}.",
    "Sebanyak {n} personel gabungan disiagakan dalam {event} di {venue}{when}. "
    "Kegiatan dipimpin langsung oleh {role} {name}.",
    "{role} {name} meminta semua kalangan untuk mendukung dan menjaga setiap tahapan pemilihan "
    "kepala daerah (Pilkada) tahun 2024 di {R}{when}.",
)
LEDE_VERBS = ("menghadiri", "membuka secara resmi", "memimpin langsung", "meninjau pelaksanaan")

# what a person is first reported to have said, after "X mengatakan" (no quote marks)
REPORTED = (
    "pihaknya terus berkoordinasi dengan seluruh pemangku kepentingan agar tahapan pilkada di {R} "
    "berjalan lancar",
    "upaya mewujudkan pilkada yang berkualitas merupakan tanggung jawab bersama seluruh pihak",
    "seluruh jajaran telah disiapkan untuk mengawal setiap tahapan hingga penetapan calon terpilih",
    "kesiapan logistik dan personel menjadi perhatian utama menjelang hari pemungutan suara",
    "netralitas aparatur menjadi kunci agar kepercayaan masyarakat terhadap hasil pilkada terjaga",
    "masyarakat perlu dilibatkan dalam pengawasan partisipatif di lingkungan masing-masing",
    "pihaknya tidak akan menoleransi segala bentuk pelanggaran selama masa kampanye",
    "kegiatan ini menjadi momentum untuk memperkuat harmonisasi antara pemerintah dan masyarakat",
)

# the kicker of a caption that opens a page with no headline: "JAGA PILKADA-Bupati Kotim …"
KICKERS = ("JAGA PILKADA", "PILKADA DAMAI", "SIAP MENGAWAL", "KAWAL DEMOKRASI", "APEL SIAGA")

# narrative sentences about the person of the current block ({short}) or about the event
NARRATIVE = (
    "Kegiatan tersebut dihadiri unsur Forkopimda, perwakilan partai politik, tokoh agama, tokoh "
    "masyarakat serta jajaran penyelenggara pemilu se-{R}.",
    "Menurut {short}, seluruh tahapan pilkada di {R} sejauh ini berjalan sesuai jadwal yang "
    "telah ditetapkan.",
    "Ia menjelaskan, jumlah daftar pemilih tetap (DPT) di {R} tercatat sebanyak {n} pemilih yang "
    "tersebar di {k} tempat pemungutan suara (TPS).",
    "Selain itu, pihaknya juga mengimbau masyarakat agar tidak mudah terprovokasi oleh berita "
    "bohong atau hoaks yang beredar di media sosial menjelang hari pemungutan suara.",
    "Dalam kesempatan itu, {short} juga mengingatkan pentingnya netralitas aparatur sipil negara "
    "(ASN), TNI dan Polri selama seluruh tahapan pilkada berlangsung.",
    "Sebanyak {n} personel gabungan dari kepolisian, TNI dan Satpol PP disiagakan untuk "
    "mengamankan jalannya tahapan pilkada di wilayah tersebut.",
    "Pihaknya menargetkan tingkat partisipasi pemilih pada Pilkada 2024 mencapai {p} persen, "
    "lebih tinggi dibandingkan pemilihan sebelumnya.",
    "{short} menambahkan, anggaran pengamanan dan penyelenggaraan pilkada telah dialokasikan "
    "sebesar Rp{x} miliar melalui naskah perjanjian hibah daerah (NPHD).",
    "Dirinya berpesan kepada seluruh masyarakat di {R} agar menyambut pilkada dengan penuh "
    "semangat, karena estafet kepemimpinan ke depan ditentukan oleh masyarakat sendiri.",
    "Ia juga mengapresiasi seluruh pihak yang telah berkomitmen bersama untuk mendukung dan "
    "menjaga tahapan pilkada tahun 2024.",
    "Dari hasil pemetaan, terdapat {k} TPS yang masuk kategori rawan, terutama di wilayah "
    "Kecamatan {district} yang sulit dijangkau kendaraan roda empat.",
    "Distribusi logistik pilkada ke {k} kecamatan dijadwalkan rampung paling lambat tiga hari "
    "sebelum hari pemungutan suara.",
    "{short} menyebut koordinasi antara pemerintah daerah dan penyelenggara pemilu terus "
    "dilakukan agar setiap kendala di lapangan dapat segera diatasi.",
    "Rangkaian kegiatan ditutup dengan penandatanganan ikrar bersama dan pelepasan balon ke udara "
    "sebagai simbol komitmen menjaga pilkada yang damai.",
    "Masyarakat yang menemukan dugaan pelanggaran diminta segera melapor kepada pengawas pemilu "
    "di tingkat kecamatan atau kelurahan dan desa.",
    "Berdasarkan data yang dihimpun, sebanyak {n} pemilih pemula akan menggunakan hak pilihnya "
    "untuk pertama kali pada pilkada tahun ini.",
)

# sentences of direct speech; a quote joins one to three of them
SPEECH = (
    "Kami mengajak seluruh masyarakat {R} untuk datang ke TPS dan menggunakan hak pilihnya",
    "Pilkada ini adalah pesta demokrasi milik rakyat, jadi mari kita jaga bersama agar berjalan "
    "aman, damai dan bermartabat",
    "ASN harus netral, tidak boleh ada yang ikut berkampanye atau memihak kepada salah satu "
    "pasangan calon",
    "Kami sudah memetakan {k} TPS yang masuk kategori rawan dan akan menempatkan personel "
    "tambahan di sana",
    "Logistik sudah kami distribusikan ke seluruh kecamatan, dan insyaallah semuanya tiba tepat "
    "waktu",
    "Jangan mudah percaya dengan informasi yang belum jelas sumbernya, apalagi yang bernada "
    "provokasi",
    "Perbedaan pilihan itu hal yang biasa. Yang penting setelah pilkada kita tetap bersaudara",
    "Kalau ada dugaan pelanggaran, silakan laporkan ke Bawaslu atau pengawas di tingkat kecamatan",
    "Kami siap mendukung penuh penyelenggara agar seluruh tahapan berjalan lancar sesuai jadwal",
    "Sinergi antara pemerintah daerah, penyelenggara, TNI dan Polri menjadi kunci suksesnya "
    "pilkada tahun ini",
    "Tahapan pemilihan harus dipastikan berlangsung jujur dan adil, sebab keduanya menyangkut "
    "proses dan hasil",
    "Kami tidak ingin ada politik uang. Kalau ditemukan, pasti akan kami proses sesuai aturan "
    "yang berlaku",
    "Sampai hari ini situasi di {R} masih aman dan kondusif, dan kami berharap kondisi ini "
    "terjaga sampai pelantikan",
    "Partisipasi pemilih pada pemilihan sebelumnya sekitar {p} persen, tahun ini kami ingin "
    "lebih tinggi",
    "Petugas KPPS sudah mendapat bimbingan teknis, jadi kami yakin mereka siap bekerja di hari "
    "pemungutan suara",
    "Mari kita sukseskan pilkada serentak tahun 2024 dengan datang ke TPS pada 27 November nanti",
    "Kami minta para pasangan calon menyampaikan visi dan misi dengan santun, tanpa ujaran "
    "kebencian",
    "Surat suara sudah kami terima lengkap, tinggal proses sortir dan pelipatan oleh petugas",
    "Kami akan menindak tegas setiap bentuk gangguan keamanan, siapa pun pelakunya",
    "Anggaran sudah kami salurkan sepenuhnya, jadi tidak ada alasan tahapan terhambat",
    "Saya berharap pilkada yang kondusif tercipta tidak hanya di {R} saja, tetapi di seluruh "
    "wilayah provinsi",
    "Kami sudah berkeliling ke {k} kecamatan untuk memastikan kesiapan petugas di lapangan",
    "Pemilih yang belum menerima surat pemberitahuan tetap bisa mencoblos dengan membawa KTP "
    "elektronik",
    "Kampanye boleh, tetapi jangan sampai merusak fasilitas umum atau mengganggu ketertiban",
    "Netralitas ini bukan hanya soal aturan, tetapi soal menjaga kepercayaan masyarakat",
    "Kami terbuka terhadap masukan dari masyarakat, silakan sampaikan kepada kami",
    "Hasil pilkada nanti harus kita terima bersama dengan lapang dada",
    "Dengan rapat koordinasi ini saya berharap terjalin hubungan yang saling mendukung antara "
    "pemerintah daerah dan penyelenggara",
    "Jumlah pemilih di {R} mencapai {n} orang, dan kami ingin semuanya terlayani dengan baik",
    "Personel kami siaga selama 24 jam, termasuk di gudang logistik KPU",
)

# words a paragraph may open with before a lead-in quote ("Lanjutnya, “…”")
LEAD_INS = ("Lanjutnya", "Ia menambahkan", "Dia menegaskan", "Beliau menuturkan")

# chrome
MENU = (
    "Home", "Beranda", "Berita", "Politik", "Daerah", "Pilkada", "Ekonomi", "Hukum",
    "Olahraga", "Nasional", "Pemerintahan", "Opini", "Advertorial", "Kesehatan", "Pendidikan",
    "Video", "Indeks",
)  # fmt: skip
SECTIONS = ("Politik", "Pemerintahan", "Pilkada 2024", "Daerah", "Advertorial", "Hukum")
TAGS = (
    "Pilkada 2024", "KPU", "Bawaslu", "Pemilu", "netralitas ASN", "kampanye damai", "TPS",
    "pemungutan suara", "Forkopimda",
)  # fmt: skip
SHARE = ("Facebook", "Twitter", "WhatsApp", "Telegram", "Pinterest", "LinkedIn", "Email")
DESK_TAGS = ("(*)", "(adv)", "(rel)", "(red)", "(adv/diskominfo)", "*Red")
