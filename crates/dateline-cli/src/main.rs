fn main() { println!("dateline: lint coming in issue 3"); }
