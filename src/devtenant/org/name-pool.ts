/**
 * Given names and surnames by naming culture. Offices draw mostly from the cultures common where
 * they are (see regions.ts) and partly from any culture, as in a real multinational; a few names
 * carry apostrophes, hyphens and diacritics on purpose so that escaping and UPN folding get tested.
 */
export interface NameCulture {
  readonly given: readonly string[];
  readonly surnames: readonly string[];
}

export const NAME_CULTURES = {
  anglo: {
    given: ['Olivia', 'James', 'Amelia', 'Oliver', 'Isla', 'Harry', 'Sophie', 'Jack', 'Grace', 'Thomas', 'Emily', 'Daniel', 'Chloe', 'Samuel', 'Hannah', 'Liam', 'Megan', 'Ryan', 'Charlotte', 'Ethan', 'Zoe', 'Nathan', 'Abigail', 'Connor'],
    surnames: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', "O'Connor", "O'Brien", 'MacDonald', 'Campbell', 'Murphy', 'Clarke', 'Hughes'],
  },
  german: {
    given: ['Lena', 'Lukas', 'Anna', 'Felix', 'Marie', 'Jonas', 'Leonie', 'Maximilian', 'Johanna', 'Paul', 'Clara', 'Niklas', 'Sophia', 'Tobias', 'Katharina', 'Jürgen', 'Greta', 'Moritz', 'Hannah', 'Sebastian'],
    surnames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Braun', 'Zimmermann', 'Krüger', 'Hartmann'],
  },
  turkish: {
    given: ['Elif', 'Emre', 'Zeynep', 'Mehmet', 'Ayşe', 'Can', 'Defne', 'Burak', 'Selin', 'Kerem', 'Ece', 'Deniz'],
    surnames: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Aydın', 'Öztürk', 'Arslan', 'Doğan', 'Kılıç', 'Aslan'],
  },
  polish: {
    given: ['Zofia', 'Jakub', 'Julia', 'Kacper', 'Maja', 'Szymon', 'Oliwia', 'Mateusz', 'Natalia', 'Wojciech', 'Agnieszka', 'Piotr'],
    surnames: ['Nowak', 'Kowalski', 'Wiśniewska', 'Wójcik', 'Kowalczyk', 'Kamińska', 'Lewandowski', 'Zielińska', 'Szymański', 'Woźniak', 'Dąbrowski', 'Kozłowska'],
  },
  hispanic: {
    given: ['Sofía', 'Mateo', 'Valentina', 'Santiago', 'Camila', 'Diego', 'Lucía', 'Alejandro', 'Isabella', 'Javier', 'Mariana', 'Carlos', 'Ximena', 'Andrés', 'Gabriela', 'Luis'],
    surnames: ['García', 'Rodríguez', 'Martínez', 'Hernández', 'López', 'González', 'Pérez', 'Sánchez', 'Ramírez', 'Torres', 'Flores', 'Rivera', 'Gómez', 'Díaz', 'Morales', 'Ortiz'],
  },
  brazilian: {
    given: ['Ana', 'João', 'Beatriz', 'Pedro', 'Larissa', 'Gustavo', 'Fernanda', 'Rafael', 'Juliana', 'Thiago', 'Camila', 'Lucas', 'Letícia', 'Bruno', 'Gabriela', 'Vinícius'],
    surnames: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Lima', 'Pereira', 'Ferreira', 'Costa', 'Rodrigues', 'Almeida', 'Nascimento', 'Carvalho', 'Araújo', 'Ribeiro', 'Gonçalves', 'Barbosa'],
  },
  indian: {
    given: ['Aarav', 'Ananya', 'Vihaan', 'Diya', 'Arjun', 'Priya', 'Rohan', 'Kavya', 'Aditya', 'Isha', 'Karthik', 'Meera', 'Siddharth', 'Neha', 'Rahul', 'Pooja', 'Vikram', 'Lakshmi', 'Nikhil', 'Shreya', 'Harpreet', 'Gurpreet', 'Farhan', 'Sana'],
    surnames: ['Sharma', 'Patel', 'Iyer', 'Reddy', 'Nair', 'Gupta', 'Singh', 'Kumar', 'Menon', 'Rao', 'Chatterjee', 'Banerjee', 'Desai', 'Joshi', 'Mehta', 'Pillai', 'Krishnan', 'Verma', 'Kapoor', 'Agarwal', 'Khan', 'Mukherjee', 'Bhat', 'Kaur'],
  },
  nepali: {
    given: ['Aashish', 'Sita', 'Bikash', 'Anisha', 'Prakash', 'Sunita', 'Rajesh', 'Srijana', 'Sagar', 'Pratima', 'Nabin', 'Kabita'],
    surnames: ['Shrestha', 'Thapa', 'Gurung', 'Tamang', 'Adhikari', 'Karki', 'Bhattarai', 'Maharjan', 'Rai', 'Magar', 'Poudel', 'Khadka'],
  },
  chinese: {
    given: ['Wei', 'Li Na', 'Jun', 'Mei', 'Hao', 'Xin', 'Yu', 'Jia Hui', 'Chen', 'Ling', 'Zhi Wei', 'Xiu Ying', 'Jian', 'Yan', 'Tao', 'Hui Min'],
    surnames: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Tan', 'Lim', 'Ng', 'Lee', 'Goh', 'Ong'],
  },
  malay: {
    given: ['Nurul', 'Ahmad', 'Siti', 'Muhammad', 'Aisyah', 'Hafiz', 'Farah', 'Amir', 'Nadia', 'Irfan'],
    surnames: ['Abdullah', 'Rahman', 'Ismail', 'Hassan', 'Ibrahim', 'Yusof', 'Osman', 'Aziz', 'Hamid', 'Salleh'],
  },
  filipino: {
    given: ['Maria', 'Jose', 'Angelica', 'Mark', 'Kristine', 'Paolo', 'Jasmine', 'Miguel', 'Patricia', 'Ramon'],
    surnames: ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Ocampo', 'Garcia', 'Mendoza', 'Villanueva', 'Dela Cruz', 'Aquino'],
  },
  vietnamese: {
    given: ['Linh', 'Minh', 'Trang', 'Duc', 'Thao', 'Huy', 'Lan', 'Quang', 'Ngoc', 'Tuan'],
    surnames: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vu', 'Dang', 'Bui', 'Do', 'Ngo'],
  },
  korean: {
    given: ['Ji-woo', 'Min-jun', 'Seo-yeon', 'Do-yoon', 'Ha-eun', 'Ji-ho', 'Soo-ah', 'Hyun-woo', 'Yuna', 'Jae-won'],
    surnames: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim'],
  },
  japanese: {
    given: ['Yuki', 'Haruto', 'Sakura', 'Ren', 'Aoi', 'Sota', 'Hina', 'Kaito', 'Mio', 'Takumi'],
    surnames: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato'],
  },
  nigerian: {
    given: ['Chiamaka', 'Oluwaseun', 'Ngozi', 'Emeka', 'Adaeze', 'Tunde', 'Funmilayo', 'Chinedu', 'Amara', 'Ifeanyi', 'Temitope', 'Babajide'],
    surnames: ['Okafor', 'Adeyemi', 'Okonkwo', 'Balogun', 'Eze', 'Nwosu', 'Adebayo', 'Okeke', 'Ogunleye', 'Chukwu', 'Olawale', 'Obi'],
  },
  hebrew: {
    given: ['Noa', 'Yonatan', 'Tamar', 'Itai', 'Shira', 'Omer', 'Maya', 'Eitan', 'Yael', 'Ariel'],
    surnames: ['Cohen', 'Levi', 'Mizrahi', 'Peretz', 'Biton', 'Friedman', 'Shapiro', 'Ben-David', 'Avraham', 'Katz'],
  },
  arabic: {
    given: ['Fatima', 'Omar', 'Layla', 'Khalid', 'Noura', 'Faisal', 'Reem', 'Yousef', 'Huda', 'Abdullah', 'Mariam', 'Tariq'],
    surnames: ['Al-Saud', 'Al-Harbi', 'Al-Qahtani', 'Al-Otaibi', 'Al-Ghamdi', 'Al-Zahrani', 'Haddad', 'Mansour', 'Nasser', 'Khalil', 'Saleh', 'Al-Shehri'],
  },
  french: {
    given: ['Camille', 'Louis', 'Léa', 'Hugo', 'Chloé', 'Gabriel', 'Manon', 'Arthur', 'Inès', 'Jules', 'Élodie', 'Théo'],
    surnames: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Lefèvre', "D'Almeida"],
  },
  southAfrican: {
    given: ['Thandiwe', 'Sipho', 'Lerato', 'Thabo', 'Nomvula', 'Kagiso', 'Zanele', 'Mandla', 'Naledi', 'Bongani'],
    surnames: ['Dlamini', 'Nkosi', 'Khumalo', 'Mokoena', 'Ndlovu', 'Mthembu', 'van der Merwe', 'Botha', 'Naidoo', 'Pillay'],
  },
} as const satisfies Record<string, NameCulture>;

export type NameCultureKey = keyof typeof NAME_CULTURES;

export const ALL_NAME_CULTURES = Object.keys(NAME_CULTURES) as NameCultureKey[];
