System.Console.WriteLine("keraslint");
